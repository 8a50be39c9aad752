"""A target that answers the readiness probe and exits on any multipart request.

Used by managed_targets_test.cpp to check that the harness notices a server that dies during a
case, reports it, and starts it again for the next case.
"""
import http.server
import os


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if self.headers.get("Content-Type", "").startswith("multipart/"):
            os._exit(3)
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        body = b'{"data":{"ping":true}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.HTTPServer((os.environ["HOST"], int(os.environ["PORT"])), Handler).serve_forever()
