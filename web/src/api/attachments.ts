import { type Attachment, attachmentSchema, one } from "@frontline/common";
import { apiUpload, type UploadOptions } from "./client";

const attachmentResponse = one(attachmentSchema);

/** Uploads a file to send with a reply or note; the server reads its type from its bytes and may refuse it. */
export async function uploadAttachment(file: File, options: UploadOptions = {}): Promise<Attachment> {
  return (await apiUpload("/attachments", file, file.name, attachmentResponse, options)).data;
}
