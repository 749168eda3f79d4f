import { apiRequest } from '../../../lib/api-client.ts';

/** The private key as a file: fetched with the person's token (a plain link would not carry it). */
export function downloadPrivateKey(path: string): Promise<Blob> {
  return apiRequest<Blob>(path, { responseType: 'blob' });
}
