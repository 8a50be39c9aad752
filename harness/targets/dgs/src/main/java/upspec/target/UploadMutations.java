package upspec.target;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import graphql.schema.DataFetchingEnvironment;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The conformance schema's fields. Upload arguments are read from the DataFetchingEnvironment, as
 * DGS's documentation says to, because Jackson cannot convert a MultipartFile.
 */
@DgsComponent
public class UploadMutations {
  @DgsQuery
  public boolean ping() {
    return true;
  }

  @DgsMutation
  public Map<String, Object> single(DataFetchingEnvironment env) throws IOException {
    return Uploads.receive(env.getArgument("file"));
  }

  @DgsMutation
  public Map<String, Object> optional(DataFetchingEnvironment env) throws IOException {
    Object file = env.getArgument("file");
    return file == null ? null : Uploads.receive(file);
  }

  @DgsMutation
  public List<Map<String, Object>> multiple(DataFetchingEnvironment env) throws IOException {
    return Uploads.receiveAll(env.getArgument("files"));
  }

  @DgsMutation
  public List<Map<String, Object>> tree(DataFetchingEnvironment env) throws IOException {
    return Uploads.receiveAll(Uploads.flatten(env.getArgument("input")));
  }

  @DgsMutation
  public String echo(DataFetchingEnvironment env) {
    return env.getArgument("value");
  }

  /** Returns the Upload value itself, so the scalar's refusal to serialise it shows. */
  @DgsMutation
  public Object echoUpload(DataFetchingEnvironment env) {
    return env.getArgument("file");
  }
}
