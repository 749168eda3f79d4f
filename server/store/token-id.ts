import { createHash } from 'node:crypto';

/** A token is kept only as its SHA-256 (hex): a leaked database holds no usable token. */
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');
