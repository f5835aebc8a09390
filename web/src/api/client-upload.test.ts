import { attachmentSchema, one } from "@frontline/common";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { apiUpload, configureApi, setCsrfToken } from "./client";

const stored = {
  id: "0f0f0f0f-1111-4222-8333-444455556666",
  filename: "invoice.pdf",
  contentType: "application/pdf",
  size: 4,
  inline: false,
  url: "/api/v1/attachments/0f0f0f0f-1111-4222-8333-444455556666",
};

/** XMLHttpRequest is the browser's edge for uploads: the one thing these tests replace, like fetch in client.test. */
class FakeXhr {
  static last: FakeXhr | null = null;
  static answer: { status: number; body: string; headers: string } | "network" = { status: 201, body: "", headers: "" };
  method = "";
  url = "";
  headers: Record<string, string> = {};
  sent: FormData | null = null;
  status = 0;
  responseText = "";
  private responseHeaders = "";
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }
  abort() {
    this.onabort?.();
  }
  send(body: FormData) {
    this.sent = body;
    this.upload.onprogress?.({ lengthComputable: true, loaded: 2, total: 4 });
    const answer = FakeXhr.answer;
    queueMicrotask(() => {
      if (answer === "network") return this.onerror?.();
      this.status = answer.status;
      this.responseText = answer.body;
      this.responseHeaders = answer.headers;
      this.onload?.();
    });
  }
}

const schema = one(attachmentSchema);
const file = new Blob(["%PDF"], { type: "application/pdf" });

beforeEach(() => {
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  configureApi({ onUnauthorized: () => {}, language: () => "de" });
  setCsrfToken("csrf-9");
});

afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.last = null;
});

describe("apiUpload", () => {
  it("posts the file as the form field `file` with the CSRF token and language, and reports progress", async () => {
    FakeXhr.answer = { status: 201, body: JSON.stringify({ data: stored }), headers: "Content-Type: application/json" };
    const progress: [number, number][] = [];
    const result = await apiUpload("/attachments", file, "invoice.pdf", schema, {
      onProgress: (sent, total) => progress.push([sent, total]),
    });
    expect(result.data).toEqual(stored);
    const xhr = FakeXhr.last!;
    expect([xhr.method, xhr.url]).toEqual(["POST", "/api/v1/attachments"]);
    expect(xhr.headers).toEqual({ Accept: "application/json", "Accept-Language": "de", "X-CSRF-Token": "csrf-9" });
    expect((xhr.sent!.get("file") as File).name).toBe("invoice.pdf");
    expect(progress).toEqual([[2, 4]]);
  });

  it("turns a refusal into an ApiError with the server's code and fields", async () => {
    const problem = {
      type: "https://frontline.dev/problems/unprocessable",
      title: "Unprocessable",
      status: 422,
      code: "unprocessable",
      detail: "Programs and scripts cannot be attached",
      fields: { file: [".exe files are not accepted"] },
    };
    FakeXhr.answer = {
      status: 422,
      body: JSON.stringify(problem),
      headers: "content-type: application/problem+json\r\nx-request-id: r1",
    };
    const error = await apiUpload("/attachments", file, "setup.exe", schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: "unprocessable",
      fields: { file: [".exe files are not accepted"] },
    });
  });

  it("names a network failure, and a cancelled upload as an abort", async () => {
    FakeXhr.answer = "network";
    await expect(apiUpload("/attachments", file, "a.pdf", schema)).rejects.toMatchObject({ code: "network_error" });
    const controller = new AbortController();
    controller.abort();
    await expect(apiUpload("/attachments", file, "a.pdf", schema, { signal: controller.signal })).rejects.toMatchObject(
      {
        name: "AbortError",
      },
    );
  });
});
