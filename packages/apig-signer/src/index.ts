export { signRequest } from './sign.js';
export { verifyRequest } from './verify.js';
export { deriveLoginKey } from './login-key.js';
export type {
  Credentials,
  SecretKeyLookup,
  SignableRequest,
  VerifyFailure,
  VerifyResult,
} from './types.js';
