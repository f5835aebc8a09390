import type { Attachment } from "@frontline/common";
import type { TFunction } from "i18next";
import { ApiError } from "../../api/api-error";
import { describeError } from "../../ui/describe-error";

/** The most files one message may carry (the contract's limit on `attachmentIds`). */
export const MAX_FILES_PER_MESSAGE = 20;

/** One file on its way to, or refused by, the server, as the reply box shows it. */
export interface Upload {
  /** Chosen here: the server's id exists only once the upload succeeds. */
  key: string;
  name: string;
  size: number;
  state: "uploading" | "done" | "failed";
  /** Share of the bytes sent, 0 to 1. */
  progress: number;
  attachment?: Attachment;
  error?: unknown;
}

const localRefusal = (code: string, title: string) => new ApiError({ type: "about:blank", title, status: 0, code });

/** Refused here, before sending: the message already carries as many files as it may. */
export const TOO_MANY_FILES = localRefusal("too_many_files", "Too many files");
/** Refused here, before sending: the server takes no empty file. */
export const EMPTY_FILE = localRefusal("empty_file", "Empty file");

/**
 * Adds chosen files: each starts uploading, except empty ones and those past the per-message limit
 * (counting the files already there that did not fail), which are shown as refused at once.
 */
export function addUploads(list: readonly Upload[], files: readonly { key: string; name: string; size: number }[]) {
  let room = MAX_FILES_PER_MESSAGE - list.filter((u) => u.state !== "failed").length;
  const added = files.map((file): Upload => {
    if (file.size === 0) return { ...file, state: "failed", progress: 0, error: EMPTY_FILE };
    if (room <= 0) return { ...file, state: "failed", progress: 0, error: TOO_MANY_FILES };
    room--;
    return { ...file, state: "uploading", progress: 0 };
  });
  return [...list, ...added];
}

function update(list: readonly Upload[], key: string, change: (upload: Upload) => Upload): Upload[] {
  return list.map((upload) => (upload.key === key ? change(upload) : upload));
}

/** Records how much of a file has been sent. */
export function uploadProgressed(list: readonly Upload[], key: string, sent: number, total: number): Upload[] {
  const progress = total > 0 ? Math.min(1, sent / total) : 0;
  return update(list, key, (u) => (u.state === "uploading" ? { ...u, progress } : u));
}

/** Marks a file stored: it will go with the message. */
export function uploadDone(list: readonly Upload[], key: string, attachment: Attachment): Upload[] {
  return update(list, key, (u) => ({ ...u, state: "done", progress: 1, attachment, size: attachment.size }));
}

/** Marks a file refused or lost on the way, keeping why. */
export function uploadFailed(list: readonly Upload[], key: string, error: unknown): Upload[] {
  return update(list, key, (u) => ({ ...u, state: "failed", error }));
}

/** Takes a file off the message. */
export function removeUpload(list: readonly Upload[], key: string): Upload[] {
  return list.filter((upload) => upload.key !== key);
}

/** True while any file is still being sent: the message must wait for it. */
export function uploadsPending(list: readonly Upload[]): boolean {
  return list.some((upload) => upload.state === "uploading");
}

/** The stored files' ids, in the order they were added, for `attachmentIds`. */
export function attachmentIdsOf(list: readonly Upload[]): string[] {
  return list.flatMap((upload) => (upload.state === "done" && upload.attachment ? [upload.attachment.id] : []));
}

/**
 * The files a paste should attach: only when the clipboard holds no plain text. Copying from a
 * word processor carries both the text and a picture of it, and then the text is what was meant.
 */
export function filesToAttachFromPaste(types: readonly string[], files: readonly File[]): File[] {
  return types.includes("text/plain") ? [] : [...files];
}

/** Why a file was refused, in the reader's language, with the server's own reason when it names one. */
export function describeUploadError(error: unknown, t: TFunction): { message: string; detail: string | undefined } {
  if (!(error instanceof ApiError)) return { message: describeError(error, t).message, detail: undefined };
  const reason = error.fields.file?.join(" ");
  switch (error.code) {
    case "too_many_files":
      return { message: t("attachments.tooMany", { max: MAX_FILES_PER_MESSAGE }), detail: undefined };
    case "payload_too_large":
      return { message: t("attachments.tooLarge"), detail: undefined };
    case "empty_file":
      return { message: t("attachments.empty"), detail: undefined };
    case "unprocessable":
      return { message: t("attachments.refused"), detail: reason ?? error.message };
    default: {
      const { message, detail } = describeError(error, t);
      return { message, detail: detail ?? reason };
    }
  }
}
