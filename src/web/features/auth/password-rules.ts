/** Mirrors passwordSchema in common/contracts/users.ts (a unit test keeps them equal) without bundling zod. */
export const PASSWORD_MIN_LENGTH = 10;
