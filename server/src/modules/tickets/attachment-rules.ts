import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../platform/errors";

/** Extensions of programs and scripts: never accepted, whatever the bytes say. */
const EXECUTABLE_EXTENSIONS = new Set(
  "exe com bat cmd scr pif msi msp cpl dll sys vbs vbe js jse ws wsf wsh ps1 psm1 hta jar app dmg pkg deb rpm sh bash zsh csh ksh php phtml php3 php4 php5 phar pl py rb cgi asp aspx jsp lnk reg scf inf iso".split(
    " ",
  ),
);
const EXECUTABLE_TYPES = new Set([
  "application/x-msdownload",
  "application/x-elf",
  "application/x-mach-binary",
  "application/x-executable",
  "application/vnd.microsoft.portable-executable",
  "application/x-sharedlib",
  "application/java-archive",
]);
/** Extensions whose bytes carry no signature to check: stored as the type named here. */
const TEXT_TYPES: Record<string, string> = {
  txt: "text/plain",
  csv: "text/csv",
  log: "text/plain",
  md: "text/markdown",
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
  htm: "text/html",
  svg: "image/svg+xml",
  ics: "text/calendar",
  eml: "message/rfc822",
  vcf: "text/vcard",
};

const extensionOf = (filename: string) => {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
};

/**
 * The content type to store for an upload, from its bytes (magic numbers), not from what the client
 * claims. Programs are refused, and so is a file whose bytes contradict its extension (a "photo.png"
 * that is really something else).
 */
export async function sniffUpload(filename: string, bytes: Buffer): Promise<string> {
  const ext = extensionOf(filename);
  if (EXECUTABLE_EXTENSIONS.has(ext)) {
    throw new AppError("unprocessable", "Programs and scripts cannot be attached", {
      file: [`.${ext} files are not accepted`],
    });
  }
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed && EXECUTABLE_TYPES.has(sniffed.mime)) {
    throw new AppError("unprocessable", "Programs cannot be attached", { file: ["This file is a program"] });
  }
  if (sniffed) {
    const sameFamily =
      ext === sniffed.ext || (ext === "jpeg" && sniffed.ext === "jpg") || (ext === "tif" && sniffed.ext === "tiff");
    // Office documents are zip files inside: their bytes say zip, and that is no contradiction.
    const container = sniffed.ext === "zip" && /^(docx|xlsx|pptx|odt|ods|odp|epub)$/.test(ext);
    if (ext && !sameFamily && !container && !(ext in TEXT_TYPES)) {
      throw new AppError("unprocessable", "The file's content does not match its name", {
        file: [`Named .${ext} but its content is ${sniffed.ext}`],
      });
    }
    return container ? (OFFICE_TYPES[ext] ?? sniffed.mime) : sniffed.mime;
  }
  return TEXT_TYPES[ext] ?? "application/octet-stream";
}

const OFFICE_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  epub: "application/epub+zip",
};

/** RFC 6266 Content-Disposition for a download: always an attachment, the name encoded for any language. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Headers of a file download: always an attachment, never sniffed, never able to run even if opened. */
export function downloadHeaders(file: { filename: string; contentType: string; size: number }) {
  return {
    "content-type": file.contentType,
    "content-length": String(file.size),
    "content-disposition": contentDisposition(file.filename),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, max-age=300",
  };
}
