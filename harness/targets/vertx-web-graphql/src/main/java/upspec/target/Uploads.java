package upspec.target;

import io.vertx.ext.web.FileUpload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What the resolvers report: every byte of an upload as it arrived, read and hashed. */
final class Uploads {
  private static final int CHUNK = 64 * 1024;

  private Uploads() {}

  /** The schema's UploadedFile for one upload: the part's filename and Content-Type as Vert.x
   * reports them, and the size and SHA-256 of the bytes read from the file it stored. */
  static Map<String, Object> receive(Object value) throws IOException {
    if (!(value instanceof FileUpload upload)) {
      throw new IllegalArgumentException(
          "expected an uploaded file, got " + (value == null ? "null" : value.getClass().getName()));
    }
    MessageDigest digest = sha256();
    long size = 0;
    // A file mapped to several paths is one object; each read opens the stored file anew.
    try (InputStream in = Files.newInputStream(Path.of(upload.uploadedFileName()))) {
      byte[] buffer = new byte[CHUNK];
      for (int n; (n = in.read(buffer)) != -1; size += n) {
        digest.update(buffer, 0, n);
      }
    }
    return Map.of(
        "filename", String.valueOf(upload.fileName()),
        "mimetype", String.valueOf(upload.contentType()),
        "size", size,
        "sha256", HexFormat.of().formatHex(digest.digest()));
  }

  static Map<String, Object> receiveOptional(Object value) throws IOException {
    return value == null ? null : receive(value);
  }

  static List<Map<String, Object>> receiveAll(List<Object> uploads) throws IOException {
    List<Map<String, Object>> received = new ArrayList<>();
    for (Object upload : uploads) {
      received.add(receive(upload));
    }
    return received;
  }

  /** The uploads of an UploadTree, depth first: file, files in order (nulls skipped), child. */
  @SuppressWarnings("unchecked")
  static List<Object> flatten(Map<String, Object> tree) {
    List<Object> uploads = new ArrayList<>();
    while (tree != null) {
      if (tree.get("file") != null) {
        uploads.add(tree.get("file"));
      }
      List<Object> files = (List<Object>) tree.get("files");
      if (files != null) {
        files.stream().filter(f -> f != null).forEach(uploads::add);
      }
      tree = (Map<String, Object>) tree.get("child");
    }
    return uploads;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
