// Fixed RSA-2048 public keys (X.509 SubjectPublicKeyInfo PEM) for the seeded service accounts. The private keys
// were discarded when these were generated: like the real component accounts, whose keys live in the cluster, the
// seeded accounts cannot log in. Tests that log in as a service account create one with a key of their own.
// Shipping fixed keys keeps db creation fast (generating an RSA key pair takes ~200 ms).

export const MARATHON_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhGpNm8mjQU5OtgrsI6td
HJkkJTeDSLM3nxm4D3yNuAaAIXrLDJ4VSywzPiI9bvlNGDzetx9gp56JDfKsiwvb
hSiYlGKswwuem8yAeeuFK3im4ZuYBGY2Rul+XpiS8oBSThg4oovJOajExx2+ZS+G
jcl+aiaSy8aSdrUckfDNVPpvVB2infigy2OBK6oeP2417I6idT/dUiJlk9BZ+huq
6utb5xsIKEwznxrcw/BrSlD/Kv91IO6ksCg1YHdlcmWm9zdnistjPcUXamth/Ly8
FIawoiIBBT9zOFfWHsIk8/Fc3k8SO0EXeFuvoO38/+TZiu9FNirbcLoiBPf1FEHE
ZwIDAQAB
-----END PUBLIC KEY-----
`;

export const METRONOME_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0Q7XwxPioglqE+6SNYUN
MftGwUWEtHr0tR82Ard8Rn24uR+yoIfuxpTQXE+die1KWJ+RT+QzSAVnHWJrXCH/
TZ6Ny9iYO4dO1inluio48oxKPdOsmKrev3Gyq4U1Bc7MvEnMgyikEN9x/CbiVWbO
n7IHVSrsvtkveXN9SFgOI58Q6fBWHpXRKGYE31Ixl8zhKTfvQF8wlywppTICMGYe
dx9b62KZc9KA1UMpvmbsNF5VwJmqi1tiBCNYI/CqWTVcy1vS1Tl2tzu09Aj9mNtu
Ww7KlCwsjYbmsaMXHc78LQ4rJairDMb8UX9cMqp7NT11vlkoABGysZRyd2EZRbFE
UQIDAQAB
-----END PUBLIC KEY-----
`;

export const JENKINS_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvVOp2uQN7qy9+RcqOfH+
wVJ1WWKTgmDtKLPbQVfRJ7GTdNwTQ7b+01G2NzKGsnc0Xi06FUHtunElef0YDGdS
Sf9jkwVVu8Q58IicLVOCFsKhNP1IV4TUo0cGuk7UfQWLQxtAYtwQnhEBNLeHI+w5
QRcjXRcsqQSYT1p9vbteZVkTDvlCbhOZLB91llREGfhfZCaCcHVoCX7W55gvJ7Ke
c8VYzF2NtiO+BtdxyfMI60feBp9usNnjq1IR/dUdcTphHRDtZxcDZ/1ze7jNTSom
n0Sf0OfUbMR+Ew//Zfr1AFMnGUs+IGPbTVKpoS4ctYDMJK8ZiFV9QcQ9bJuHMEKh
HQIDAQAB
-----END PUBLIC KEY-----
`;

export const SPARE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuXPLE1WrmyG5+i3jF4vl
wEeNbnEXxmUm4Ql9vpSUchjpqxwzOMcvAbOT7BYDKg8eqaO94lDOhaHrYjgzGeI8
bFs4ujwcGeG9xntCZQGti5C34K/QlFZx+qKik7mY4ngZJ9Fj+FbGH6cD31MdbRRT
gDzaDgRw8eZMvIALZNscgGRi5SkFEiBCyP3gry4B45DfA/IAstDc1Z3Q+t7RFozJ
WW9GrJAIEUXRLW+Mh0s0SJBUtkgWmdKNPSFB4EdWCqntKKgX6uRmsg0qsF6AUqnA
ZKAPX8AUThnA8aARpjNLLvC8ZAJLJMTmZ0MRfD2dkhZ7eXlxiuQpVUuNYsnm9h4+
+QIDAQAB
-----END PUBLIC KEY-----
`;

/** Every fixed key; generated service accounts take them in turn. */
export const SEED_PUBLIC_KEYS: readonly string[] = [
  MARATHON_PUBLIC_KEY,
  METRONOME_PUBLIC_KEY,
  JENKINS_PUBLIC_KEY,
  SPARE_PUBLIC_KEY,
];
