"""Serves the scrape corpus with the Content-Types the golden needs: /text, /openmetrics, /malformed, /changing."""
import http.server
import pathlib
import sys

CORPUS = pathlib.Path(sys.argv[2])
ROUTES = {
    "/text": ("text.prom", "text/plain; version=0.0.4; charset=utf-8"),
    "/openmetrics": ("openmetrics.txt", "application/openmetrics-text; version=1.0.0; charset=utf-8"),
    "/malformed": ("malformed.prom", "text/plain; version=0.0.4; charset=utf-8"),
}


CHANGING = {"served": 0}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/changing":
            # the first scrape sees changing-1.prom, later ones changing-2.prom (series disappear: staleness)
            CHANGING["served"] += 1
            name = "changing-1.prom" if CHANGING["served"] == 1 else "changing-2.prom"
            route = (name, "text/plain; version=0.0.4; charset=utf-8")
        else:
            route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404)
            return
        body = (CORPUS / route[0]).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", route[1])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
