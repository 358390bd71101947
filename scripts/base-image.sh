#!/usr/bin/env bash
# The JVM base image of the service's container image, made from Debian's packages, for machines that reach no
# container registry (this project's CI among them): Debian 12 (bookworm) minbase with openjdk-17-jre-headless and curl
# (for the health check), a user smp (uid 185, gid 185, as the Quarkus images' jboss), and the health check itself,
# written as one docker-archive tar (the format of `docker save`), which Jib reads with tar:// and which
# `docker load` / `podman load` also take.
#
#   scripts/base-image.sh OUT.tar        (root, debootstrap; about a minute and 100 MB from the Debian mirror)
#
# DEBIAN_MIRROR overrides the mirror (default: the one apt uses, else http://deb.debian.org/debian). The packages are
# bookworm's current ones, so two runs on different days can differ (security updates); the image's labels name the
# JRE it got.
set -euo pipefail

out=${1:?usage: $0 OUT.tar}
[[ $(id -u) == 0 ]] || { echo "base-image: debootstrap needs root" >&2; exit 2; }
command -v debootstrap > /dev/null || { echo "base-image: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }

default_mirror() {
  local uri
  uri=$(grep -hoE '^(URIs:|deb) +http[^ ]*debian/?' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2> /dev/null \
    | grep -v security | head -1 | awk '{print $2}' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}
mirror=${DEBIAN_MIRROR:-$(default_mirror)}
arch=$(dpkg --print-architecture)

work=$(mktemp -d "${TMPDIR:-/tmp}/smp-base-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

echo "base-image: debootstrap bookworm ($arch) from $mirror" >&2
if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl bookworm "$rootfs" "$mirror" \
  > "$work/debootstrap.log" 2>&1; then
  tail -30 "$work/debootstrap.log" >&2
  exit 1
fi
chroot "$rootfs" groupadd --system --gid 185 smp
chroot "$rootfs" useradd --system --uid 185 --gid 185 --home-dir /home/smp --create-home --shell /usr/sbin/nologin smp
java_version=$(chroot "$rootfs" dpkg-query -W -f '${Version}' openjdk-17-jre-headless)
java_home=$(dirname "$(dirname "$(chroot "$rootfs" readlink -f /usr/bin/java)")")

# What a running service never reads: package caches and lists, documentation, translations, logs.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
  "$rootfs"/var/log/*
find "$rootfs"/dev "$rootfs"/proc "$rootfs"/sys "$rootfs"/run "$rootfs"/tmp -mindepth 1 -delete 2> /dev/null || true

mkdir -p "$work/image"
tar --numeric-owner --sort=name -C "$rootfs" -cf "$work/image/layer.tar" .
diff_id=sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# The health check (Docker's HEALTHCHECK; Jib copies it into the service's image, Kubernetes ignores it and uses the
# Deployment's probes): readiness, the same URL as the Deployment's readiness probe and src/main/docker/Dockerfile.jvm.
cat > "$work/image/config.json" << JSON
{
  "architecture": "$arch",
  "os": "linux",
  "created": "$created",
  "config": {
    "Env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "LANG=C.UTF-8",
      "JAVA_HOME=$java_home"
    ],
    "Healthcheck": {
      "Test": ["CMD", "curl", "-fsS", "-o", "/dev/null", "http://localhost:8080/q/health/ready"],
      "Interval": 10000000000,
      "Timeout": 3000000000,
      "StartPeriod": 30000000000,
      "Retries": 3
    },
    "Labels": {
      "org.opencontainers.image.title": "smp-jvm-base",
      "org.opencontainers.image.description": "Debian 12 minbase, openjdk-17-jre-headless $java_version, curl; user smp (185)",
      "org.opencontainers.image.created": "$created"
    }
  },
  "rootfs": {"type": "layers", "diff_ids": ["$diff_id"]},
  "history": [{"created": "$created", "created_by": "scripts/base-image.sh (debootstrap --variant=minbase bookworm)"}]
}
JSON
config_id=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config_id.json"
mkdir "$work/image/${diff_id#sha256:}"
mv "$work/image/layer.tar" "$work/image/${diff_id#sha256:}/layer.tar"
cat > "$work/image/manifest.json" << JSON
[{"Config": "$config_id.json", "RepoTags": ["localhost/smp-jvm-base:17"], "Layers": ["${diff_id#sha256:}/layer.tar"]}]
JSON

mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out.partial" manifest.json "$config_id.json" "${diff_id#sha256:}"
mv "$out.partial" "$out"
echo "base-image: $out ($(du -h "$out" | cut -f1), openjdk-17-jre-headless $java_version, $java_home)" >&2
