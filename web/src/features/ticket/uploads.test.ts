import type { Attachment } from "@frontline/common";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../api/api-error";
import en from "../../i18n/locales/en.json";
import {
  addUploads,
  attachmentIdsOf,
  describeUploadError,
  EMPTY_FILE,
  filesToAttachFromPaste,
  MAX_FILES_PER_MESSAGE,
  removeUpload,
  TOO_MANY_FILES,
  uploadDone,
  uploadFailed,
  uploadProgressed,
  uploadsPending,
} from "./uploads";

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: "en", resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const stored = (id: string, size = 10): Attachment => ({
  id,
  filename: `${id}.pdf`,
  contentType: "application/pdf",
  size,
  inline: false,
  url: `/api/v1/attachments/${id}`,
});

const file = (key: string, size = 10) => ({ key, name: `${key}.pdf`, size });

describe("uploads in the reply box", () => {
  it("start uploading as they are added, then carry progress and the stored file", () => {
    let list = addUploads([], [file("a"), file("b")]);
    expect(list.map((u) => [u.key, u.state, u.progress])).toEqual([
      ["a", "uploading", 0],
      ["b", "uploading", 0],
    ]);
    list = uploadProgressed(list, "a", 5, 20);
    expect(list[0]?.progress).toBe(0.25);
    list = uploadDone(list, "a", stored("id-a", 12));
    expect(list[0]).toMatchObject({ state: "done", progress: 1, size: 12 });
    expect(uploadsPending(list)).toBe(true);
    list = uploadFailed(list, "b", TOO_MANY_FILES);
    expect(uploadsPending(list)).toBe(false);
    expect(attachmentIdsOf(list)).toEqual(["id-a"]);
  });

  it("ignore progress after a file is finished, and keep the order of what is sent", () => {
    let list = addUploads([], [file("a"), file("b"), file("c")]);
    list = uploadDone(list, "c", stored("id-c"));
    list = uploadDone(list, "a", stored("id-a"));
    list = uploadProgressed(list, "a", 1, 2);
    expect(list[0]?.progress).toBe(1);
    list = uploadDone(list, "b", stored("id-b"));
    expect(attachmentIdsOf(list)).toEqual(["id-a", "id-b", "id-c"]);
    expect(attachmentIdsOf(removeUpload(list, "b"))).toEqual(["id-a", "id-c"]);
  });

  it("refuse at once an empty file and files past the per-message limit", () => {
    const many = Array.from({ length: MAX_FILES_PER_MESSAGE - 1 }, (_, i) => file(`f${i}`));
    let list = addUploads([], many);
    list = uploadFailed(list, "f0", new Error("lost"));
    list = addUploads(list, [file("empty", 0), file("x"), file("y"), file("z")]);
    const added = list.slice(-4).map((u) => [u.key, u.state, u.error]);
    expect(added).toEqual([
      ["empty", "failed", EMPTY_FILE],
      ["x", "uploading", undefined],
      ["y", "uploading", undefined],
      ["z", "failed", TOO_MANY_FILES],
    ]);
  });
});

describe("filesToAttachFromPaste", () => {
  const image = new File(["png"], "image.png", { type: "image/png" });

  it("attaches a pasted screenshot, but not the picture that comes with copied text", () => {
    expect(filesToAttachFromPaste(["Files"], [image])).toEqual([image]);
    expect(filesToAttachFromPaste(["text/html", "Files"], [image])).toEqual([image]);
    expect(filesToAttachFromPaste(["text/plain", "text/html", "Files"], [image])).toEqual([]);
    expect(filesToAttachFromPaste(["text/plain"], [])).toEqual([]);
  });
});

describe("describeUploadError", () => {
  const problem = (status: number, code: string, detail: string, fields?: Record<string, string[]>) =>
    new ApiError({ type: "t", title: "x", status, code, detail, ...(fields ? { fields } : {}) });

  it("names a refused type with the server's reason", () => {
    const refused = problem(422, "unprocessable", "Programs and scripts cannot be attached", {
      file: [".exe files are not accepted"],
    });
    expect(describeUploadError(refused, t.t)).toEqual({
      message: "This kind of file cannot be attached.",
      detail: ".exe files are not accepted",
    });
  });

  it("names a file that is too large, too many files and an empty file in the reader's words", () => {
    const large = problem(413, "payload_too_large", "The file is larger than 20971520 bytes");
    expect(describeUploadError(large, t.t)).toEqual({
      message: "This file is larger than the server accepts.",
      detail: undefined,
    });
    expect(describeUploadError(TOO_MANY_FILES, t.t).message).toBe("A message carries at most 20 files.");
    expect(describeUploadError(EMPTY_FILE, t.t).message).toBe("This file is empty.");
  });

  it("falls back to the general words for anything else", () => {
    expect(describeUploadError(problem(0, "network_error", "Network error"), t.t)).toEqual({
      message: "Cannot reach the server. Check your connection and try again.",
      detail: undefined,
    });
    expect(describeUploadError(new Error("boom"), t.t).message).toBe("The request failed. Please try again.");
  });
});
