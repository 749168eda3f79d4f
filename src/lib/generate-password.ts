/** No 0/O, 1/l/I: a password read off the screen and typed is typed right. */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password from the browser's CSPRNG: 16 characters of 57 is about 93 bits. */
export function generatePassword(length = 16): string {
  // 256 % 57 leaves a bias; bytes at or above the last whole multiple are drawn again.
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
}
