#!/usr/bin/env bash
# Builds the service's container image with Jib (quarkus-container-image-jib), without a Docker daemon, into
# target/smp-intake-service-image.tar: a docker-archive, which `docker load -i`, `podman load -i` and
# `skopeo copy docker-archive:...` take.
#
#   scripts/image.sh [MAVEN ARGS...]
#
# - The jar is packaged with -Dexternal-db: no embedded PostgreSQL in a container (README, "Database").
# - Base image: SMP_BASE_IMAGE if set (whatever quarkus.jib.base-jvm-image takes: a registry image, tar://FILE,
#   docker://IMAGE), else target/base-image/smp-jvm-base.tar, made from Debian's packages by scripts/base-image.sh
#   when it is missing (this machine reaches no container registry).
# - Quarkus's Jib can only push to a registry or hand the image to a `docker load`; here podman, which needs no daemon,
#   takes it (quarkus.jib.docker-executable-name=podman), `podman save` writes the tar, and the image leaves podman's
#   storage again.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v podman > /dev/null || { echo "image: needs podman (apt-get install podman)" >&2; exit 2; }
out=target/smp-intake-service-image.tar

base=${SMP_BASE_IMAGE:-}
if [[ -z $base ]]; then
  base_tar=target/base-image/smp-jvm-base.tar
  [[ -f $base_tar ]] || scripts/base-image.sh "$base_tar"
  base=tar://$PWD/$base_tar
fi

rm -f "$out" target/jib-image.id
./mvnw -B package -Dexternal-db -DskipTests \
  -Dquarkus.container-image.build=true \
  -Dquarkus.jib.base-jvm-image="$base" \
  -Dquarkus.jib.docker-executable-name=podman \
  "$@"

id=$(cat target/jib-image.id)
name=$(podman image inspect --format '{{index .RepoTags 0}}' "$id")
podman save --quiet --format docker-archive -o "$out" "$name"
podman rmi --force "$id" > /dev/null
echo "image: $out ($name, $(du -h "$out" | cut -f1))"
