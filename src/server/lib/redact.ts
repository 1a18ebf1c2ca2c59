// Contact details taken out of text that leaves its sealed home: exported examples, and the error
// messages that gateways and mail servers send back (they quote the number or address they refused),
// which are stored as last_error and shown to staff.

// +254 7xx xxx xxx, 07xx xxx xxx, 7xxxxxxxx and the like, with or without spaces and dashes.
const PHONE_LIKE = /(?:\+?\d[\s.-]?){8,}\d/g;
const EMAIL_LIKE = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;

export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, "[phone]");
}

/** Phone numbers and email addresses replaced by "[phone]" and "[email]". */
export function maskContacts(text: string): string {
  return maskPhones(text.replace(EMAIL_LIKE, "[email]"));
}
