#!/usr/bin/env bash
# deps.sh PACKAGE... — makes sure the Debian packages vertscript needs are
# installed: installs the missing ones with apt-get when run as root, else
# says exactly what to install. Also checks for Go 1.26 or newer, which it
# cannot install.
set -eu

missing=()
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if ! command -v apt-get >/dev/null; then
		echo "deps: missing ${missing[*]} (no apt-get here: install libvirt's development files, pkg-config and gcc)" >&2
		exit 1
	fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: missing Debian packages; run: sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
	echo "deps: installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null; then
	echo "deps: Go 1.26 or newer is needed: https://go.dev/doc/install" >&2
	exit 1
fi
v=$(go env GOVERSION | sed 's/^go//')
major=${v%%.*}; rest=${v#*.}; minor=${rest%%.*}
if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 26 ]; }; then
	echo "deps: Go 1.26 or newer is needed, found go$v" >&2
	exit 1
fi
