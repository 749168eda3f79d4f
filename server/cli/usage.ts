export const USERS_USAGE = 'users add NAME [--admin] [--password-stdin]';
export const JOBS_USAGE = 'jobs import FILE';
