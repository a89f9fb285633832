#!/usr/bin/env python3
"""Writes a tiny OCI image layout (one layer holding hello.txt, tag "latest") for registry tests.

    make-oci-layout.py DIR

skopeo can then push it: skopeo copy oci:DIR:latest docker://HOST/REPO:TAG
"""
import hashlib
import io
import json
import os
import sys
import tarfile


def main():
    if len(sys.argv) != 2:
        print("usage: make-oci-layout.py DIR", file=sys.stderr)
        sys.exit(2)
    folder = sys.argv[1]
    os.makedirs(os.path.join(folder, "blobs", "sha256"), exist_ok=True)

    def blob(data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(folder, "blobs", "sha256", digest), "wb") as handle:
            handle.write(data)
        return "sha256:" + digest, len(data)

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        payload = b"hello from remotes\n"
        info = tarfile.TarInfo("hello.txt")
        info.size = len(payload)
        info.mtime = 0
        archive.addfile(info, io.BytesIO(payload))
    layer, layer_size = blob(buffer.getvalue())
    config, config_size = blob(json.dumps({
        "architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": [layer]},
    }).encode())
    manifest, manifest_size = blob(json.dumps({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config, "size": config_size},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": layer, "size": layer_size}],
    }).encode())
    with open(os.path.join(folder, "index.json"), "w") as handle:
        json.dump({"schemaVersion": 2, "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest, "size": manifest_size,
            "annotations": {"org.opencontainers.image.ref.name": "latest"},
        }]}, handle)
    with open(os.path.join(folder, "oci-layout"), "w") as handle:
        json.dump({"imageLayoutVersion": "1.0.0"}, handle)


if __name__ == "__main__":
    main()
