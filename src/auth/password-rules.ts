// The length rule for new passwords (pure, shared by the policy and the script that builds the common list).
export const MIN_PASSWORD_LENGTH = 10;
