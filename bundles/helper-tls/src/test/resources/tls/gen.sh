#!/bin/sh
# Regenerates the test certificates (valid for 100 years). Run once; the outputs are committed.
#   ca.pem / ca-key.pem           test CA (RSA 2048)
#   server.pem, server-key.pem    server cert for localhost/127.0.0.1 signed by the CA, PKCS#8 RSA key
#   server-key-pkcs1.pem          the same key as PKCS#1 ("RSA PRIVATE KEY")
#   client.pem, client-key-sec1.pem, client-key.pem
#                                 client cert signed by the CA, EC P-256 key as SEC1 and as PKCS#8
#   other-ca.pem, other-server.pem, other-server-key.pem
#                                 an unrelated CA and a server cert it signed (must be rejected)
set -eu
cd "$(dirname "$0")"
days=36500
sign() { # name cn san ca
  openssl req -new -key "$1-key.pem" -subj "/CN=$2" -out "$1.csr"
  printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$4.pem" -CAkey "$4-key.pem" -CAcreateserial -days $days -sha256 \
    -extfile "$1.ext" -out "$1.pem"
  rm -f "$1.csr" "$1.ext"
}
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -subj "/CN=Otelier Test CA" -days $days -sha256 -out ca.pem
openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca-key.pem -subj "/CN=Other Test CA" -days $days -sha256 -out other-ca.pem

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-key.pem
openssl rsa -in server-key.pem -traditional -out server-key-pkcs1.pem
sign server localhost "DNS:localhost,IP:127.0.0.1" ca

openssl ecparam -name prime256v1 -genkey -noout -out client-key-sec1.pem
openssl pkcs8 -topk8 -nocrypt -in client-key-sec1.pem -out client-key.pem
sign client client "DNS:client" ca

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-server-key.pem
sign other-server localhost "DNS:localhost,IP:127.0.0.1" other-ca
rm -f ./*.srl
