// Serves a built page's files (bundle.ts): compressed as the browser accepts (the .br or .gz
// saved beside each file at build time, so nothing is compressed per request), bundles named
// by their content cached for good, everything else revalidated by its ETag.
import type { RequestHandler } from "express";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

/** A file name with esbuild's content hash (main-ABCD1234.js): its content never changes. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

export function servePage(dir: string): RequestHandler {
  const root = normalize(dir + sep);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    // /console opens as /console/, so that the page's ./main-<hash>.js is found beside it.
    const [path, query = ""] = req.originalUrl.split("?", 2) as [string, string?];
    if (req.path === "/" && !path.endsWith("/"))
      return res.redirect(301, `${path}/${query ? `?${query}` : ""}`);
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (relative.endsWith("/")) relative += "index.html";
    const file = normalize(join(root, relative));
    if (!file.startsWith(root) || !isFile(file)) return next();
    // Brotli first when the browser takes both at the same weight (browsers list gzip first).
    const encoding = req.acceptsEncodings("br") || req.acceptsEncodings("gzip");
    const variant =
      encoding === "br" && isFile(`${file}.br`)
        ? { path: `${file}.br`, encoding: "br" }
        : encoding === "gzip" && isFile(`${file}.gz`)
          ? { path: `${file}.gz`, encoding: "gzip" }
          : { path: file, encoding: undefined };
    res.type(extname(file));
    res.vary("Accept-Encoding");
    if (variant.encoding) res.set("Content-Encoding", variant.encoding);
    res.set("Cache-Control", HASHED.test(file) ? IMMUTABLE : "no-cache");
    // res.send sets an ETag from the bytes and answers 304 when the browser's copy is fresh.
    res.send(readFileSync(variant.path));
  };
}
