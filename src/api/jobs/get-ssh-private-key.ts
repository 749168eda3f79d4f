import { apiRequest } from '../../lib/api-client.ts';

/**
 * `GET /api/v1/jobs/:job/ssh/private-key` (the `privateKeyDirectDownloadLink` of `…/ssh`, whatever path
 * the server gave): the private key as a file, fetched with the person's token (a plain link
 * would not carry it).
 */
export function downloadPrivateKey(path: string): Promise<Blob> {
  return apiRequest<Blob>(path, { responseType: 'blob' });
}
