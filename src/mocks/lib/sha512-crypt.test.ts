// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_PASSWORD, BOOTSTRAP_UID, createDb } from '../db/create-db.ts';
import { isSha512CryptHash, sha512Crypt, verifySha512Crypt } from './sha512-crypt.ts';

// Test vectors from Ulrich Drepper's specification, https://www.akkadia.org/drepper/SHA-crypt.txt
const HELLO = '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1';
const HELLO_10000 =
  '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.';
const TOO_LOW =
  '$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.';
// glibc crypt(3) (and `openssl passwd -6 -salt abcdefgh deleteme`).
const DELETEME = '$6$abcdefgh$tSnd3Kq7eEvg0YV7Bmj5Lfx44oX.iZ2H5Wpe9vZUXuS2mawxpX3qRnbsS/bPDYd6akvB1l7nDKRsuvMP4wfmN0';

describe('sha512Crypt', () => {
  it('matches the specification vector for the default 5000 rounds', () => {
    expect(sha512Crypt('Hello world!', 'saltstring')).toBe(HELLO);
  });

  it('matches the specification vector for rounds=10000, cutting the salt to 16 characters', () => {
    expect(sha512Crypt('Hello world!', 'saltstringsaltstring', 10000)).toBe(HELLO_10000);
  });

  it('raises too few rounds to the minimum of 1000, as the specification requires', () => {
    expect(sha512Crypt('the minimum number is still observed', 'roundstoolow', 10)).toBe(TOO_LOW);
  });

  it('writes rounds=5000 when the caller names the default explicitly', () => {
    expect(sha512Crypt('This is just a test', 'toolongsaltstring', 5000)).toBe(
      '$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0',
    );
  });

  it('gives the same hash as glibc for the bootstrap password', () => {
    expect(sha512Crypt('deleteme', 'abcdefgh')).toBe(DELETEME);
  });

  it('picks a fresh 16-character salt each time when none is given', () => {
    const first = sha512Crypt('deleteme');
    const second = sha512Crypt('deleteme');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(second).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
  });
});

describe('verifySha512Crypt', () => {
  it.each([
    ['Hello world!', HELLO],
    ['Hello world!', HELLO_10000],
    ['deleteme', DELETEME],
  ])('accepts %j against its hash %s', (password, hash) => {
    expect(verifySha512Crypt(password, hash)).toBe(true);
  });

  it.each([
    ['hello world!', HELLO],
    ['Hello world', HELLO],
    ['Hello world!', HELLO_10000.replace('rounds=10000', 'rounds=10001')],
    ['deleteme ', DELETEME],
    ['', DELETEME],
  ])('refuses %j against %s', (password, hash) => {
    expect(verifySha512Crypt(password, hash)).toBe(false);
  });

  it('verifies a hash made with a random salt', () => {
    const hash = sha512Crypt('s3cret-pässword');
    expect(verifySha512Crypt('s3cret-pässword', hash)).toBe(true);
    expect(verifySha512Crypt('s3cret-passwörd', hash)).toBe(false);
  });

  it.each([
    ['the plain password', 'deleteme'],
    ['an empty string', ''],
    ['a SHA-256 crypt hash', DELETEME.replace('$6$', '$5$')],
    ['a hash one character short', DELETEME.slice(0, -1)],
    ['a hash one character long', `${DELETEME}a`],
    ['a hash with a character outside the crypt alphabet', `${DELETEME.slice(0, -1)}+`],
    ['a salt longer than 16 characters', HELLO_10000.replace('saltstringsaltst', 'saltstringsaltstr')],
    ['a missing salt separator', DELETEME.replace('abcdefgh$', 'abcdefgh')],
    ['a non-numeric rounds field', HELLO_10000.replace('rounds=10000', 'rounds=ten')],
  ])('rejects a malformed stored value: %s', (_what, stored) => {
    expect(isSha512CryptHash(stored)).toBe(false);
    expect(verifySha512Crypt('deleteme', stored)).toBe(false);
    expect(verifySha512Crypt('Hello world!', stored)).toBe(false);
  });

  it('recognises well-formed hashes', () => {
    expect(isSha512CryptHash(HELLO)).toBe(true);
    expect(isSha512CryptHash(HELLO_10000)).toBe(true);
    expect(isSha512CryptHash(DELETEME)).toBe(true);
  });
});

describe('the seeded bootstrap user', () => {
  it('stores a $6$ hash of its password, never the password itself', () => {
    const db = createDb('t', { securityMode: 'strict', tokenTtlSeconds: 60 });
    const stored = db.users.get(BOOTSTRAP_UID)?.passwordHash ?? '';
    expect(stored).not.toBe(BOOTSTRAP_PASSWORD);
    expect(stored).not.toContain(BOOTSTRAP_PASSWORD);
    expect(stored).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(verifySha512Crypt('deleteme', stored)).toBe(true);
    expect(verifySha512Crypt('deleteme2', stored)).toBe(false);
  });
});
