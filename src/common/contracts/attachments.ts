// Files attached to records (case actions, activities, impact stories, manual indicator figures).
// The server reads the type from the bytes; the web app only shows what the server says.

export const ATTACHMENT_OWNER_KINDS = ["case_event", "activity", "impact_story", "indicator_entry"] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

export interface AttachmentView {
  id: string;
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  filename: string;
  mediaType: string;
  byteSize: number;
  /** SHA-256 of the content, hex: a printed report can cite exactly which file it relied on. */
  sha256: string;
  uploadedAt: string;
  /** The uploader's name, or null when the account no longer exists. */
  uploadedBy: string | null;
}

export interface AttachmentsResponse {
  attachments: AttachmentView[];
}
