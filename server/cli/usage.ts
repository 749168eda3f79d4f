export const USERS_USAGE =
  'users add NAME [--admin] [--password-stdin] | users list | users passwd NAME [--password-stdin] | users admin NAME on|off';
export const JOBS_USAGE = 'jobs import FILE';
