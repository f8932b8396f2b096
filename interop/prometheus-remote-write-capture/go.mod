module otelier.io/interop/prometheus-remote-write-capture

go 1.24

require (
	github.com/golang/snappy v1.0.0
	google.golang.org/protobuf v1.36.10
)
