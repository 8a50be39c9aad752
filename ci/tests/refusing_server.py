"""A GraphQL target that refuses every request with 400, for the action test: every case that
expects a 200 must come out FAIL. It listens on a free loopback port, writes the port to
--port-file once it accepts connections, and appends each request's line and headers to --log."""

import argparse
import http.server
import json
import os


class RefuseAll(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def refuse(self):
        # The body is read whole first: closing on unread bytes would reset the connection, and
        # upspec would see a transport failure rather than this answer.
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                self.rfile.read(size + 2)
                if size == 0:
                    break
        else:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with open(self.server.log_path, "a", encoding="utf-8") as log:
            log.write(self.requestline + "\n" + str(self.headers) + "\n")
        body = json.dumps({"errors": [{"message": "refused"}]}).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = refuse

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log", required=True)
    options = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RefuseAll)
    server.log_path = options.log
    with open(options.port_file + ".tmp", "w", encoding="utf-8") as f:
        f.write(str(server.server_address[1]))
    # Renamed into place, so the test never reads a half-written port.
    os.replace(options.port_file + ".tmp", options.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
