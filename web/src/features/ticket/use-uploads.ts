import { useEffect, useRef, useState } from "react";
import { uploadAttachment } from "../../api/attachments";
import type { ReplyKind } from "./reply-status";
import { addUploads, removeUpload, type Upload, uploadDone, uploadFailed, uploadProgressed } from "./uploads";

type Lists = Record<ReplyKind, Upload[]>;
const NONE: Lists = { reply: [], note: [] };

/**
 * The files of the reply and of the note, each uploaded the moment it is chosen. Removing a file
 * that is still on its way cancels its upload; leaving the ticket cancels them all.
 */
export function useUploads() {
  const [lists, setLists] = useState<Lists>(NONE);
  // The latest lists, readable at once: adding files must know which were accepted before React renders.
  const latest = useRef<Lists>(NONE);
  const controllers = useRef(new Map<string, AbortController>());
  const counter = useRef(0);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  function change(kind: ReplyKind, next: (list: Upload[]) => Upload[]) {
    latest.current = { ...latest.current, [kind]: next(latest.current[kind]) };
    setLists(latest.current);
  }

  function start(kind: ReplyKind, key: string, file: File) {
    const controller = new AbortController();
    controllers.current.set(key, controller);
    uploadAttachment(file, {
      signal: controller.signal,
      onProgress: (sent, total) => change(kind, (list) => uploadProgressed(list, key, sent, total)),
    })
      .then((attachment) => change(kind, (list) => uploadDone(list, key, attachment)))
      .catch((error: unknown) => {
        // A cancelled upload was removed on purpose; there is nothing left to show.
        if (error instanceof DOMException && error.name === "AbortError") return;
        change(kind, (list) => uploadFailed(list, key, error));
      })
      .finally(() => controllers.current.delete(key));
  }

  function add(kind: ReplyKind, files: readonly File[]) {
    const entries = files.map((file) => ({
      key: `upload-${++counter.current}`,
      name: file.name,
      size: file.size,
      file,
    }));
    change(kind, (list) => addUploads(list, entries));
    for (const entry of entries) {
      const upload = latest.current[kind].find((u) => u.key === entry.key);
      if (upload?.state === "uploading") start(kind, entry.key, entry.file);
    }
  }

  function remove(kind: ReplyKind, key: string) {
    controllers.current.get(key)?.abort();
    change(kind, (list) => removeUpload(list, key));
  }

  function clear(kind: ReplyKind) {
    for (const upload of latest.current[kind]) controllers.current.get(upload.key)?.abort();
    change(kind, () => []);
  }

  return { lists, add, remove, clear };
}
