#!/usr/bin/env bash
# Does the image's runtime stage carry every shared library BINARY needs?
#   scripts/check_runtime_libs.sh DOCKERFILE BINARY
# No Docker engine runs here, so the runtime stage (debian:bookworm-slim plus the packages of
# the Dockerfile's ARG RUNTIME_PACKAGES) is reproduced from this machine's dpkg database: each
# library `ldd BINARY` resolves is mapped to its Debian package (`dpkg -S`), which must be
# listed, or installed by apt along with a listed package (their Depends and Pre-Depends,
# recursively), or be in every bookworm-slim image (Essential or Priority required, apt, and
# what they depend on). Prints each library not covered, with its package, and exits 1; a
# library ldd cannot resolve ("not found") fails too. Exit 2: usage, or a list that cannot be
# read or checked.
set -euo pipefail

die() { echo "check_runtime_libs: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: scripts/check_runtime_libs.sh DOCKERFILE BINARY"
dockerfile=$1 binary=$2
[ -f "$dockerfile" ] || die "no such Dockerfile: $dockerfile"
[ -x "$binary" ] || die "not an executable: $binary"

# ARG RUNTIME_PACKAGES="\
#     a \
#     b \
#     "
listed=$(awk '
  /^ARG RUNTIME_PACKAGES="/ { on = 1; sub(/^ARG RUNTIME_PACKAGES="/, "") }
  on { line = $0; if (line ~ /"/) { sub(/".*/, "", line); on = 0 }; gsub(/\\/, " ", line); print line }
' "$dockerfile" | tr -s ' \t' '\n' | sed '/^$/d')
[ -n "$listed" ] || die "$dockerfile has no ARG RUNTIME_PACKAGES=\"...\" list"

# The packages of the image, from the installed packages' control fields: the seeds (the list,
# Essential and Priority required, apt: debootstrap's minbase, which bookworm-slim is) and
# what they depend on. Of each `a | b`, and of a virtual package's providers, the one
# installed here is taken, as on an image where the same choice was made when its base was
# built: following every alternative would count gawk and perl as present, the first alone
# usrmerge. A listed package not installed here cannot be read: "unknown NAME".
image=$(dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Essential}\t${Priority}\t${Provides}\t${Pre-Depends}, ${Depends}\n' |
  awk -F'\t' -v listed="$listed" '
    $1 !~ /^ii/ { next }
    {
      installed[$2] = 1; deps[$2] = $6
      if ($3 == "yes" || $4 == "required" || $2 == "apt") seed[++seeds] = $2
      n = split($5, provides, /, */)
      for (i = 1; i <= n; i++) { v = provides[i]; sub(/ .*/, "", v); if (v != "" && !(v in provider)) provider[v] = $2 }
    }
    function name(alternative) { sub(/^ +/, "", alternative); sub(/[ :(].*/, "", alternative); return alternative }
    END {
      n = split(listed, l, "\n")
      for (i = 1; i <= n; i++) { if (!(l[i] in installed)) print "unknown " l[i]; else seed[++seeds] = l[i] }
      for (i = 1; i <= seeds; i++) queue[++tail] = seed[i]
      for (head = 1; head <= tail; head++) {
        p = queue[head]
        if (p in covered) continue
        covered[p] = 1
        print "covered " p
        groups = split(deps[p], group, /, */)
        for (g = 1; g <= groups; g++) {
          alts = split(group[g], alt, /\|/)
          chosen = ""
          for (a = 1; a <= alts && chosen == ""; a++) {
            d = name(alt[a])
            if (d in installed) chosen = d
            else if (d in provider) chosen = provider[d]
          }
          if (chosen != "") queue[++tail] = chosen
        }
      }
    }')
unknown=$(sed -n 's/^unknown //p' <<<"$image")
[ -z "$unknown" ] || die "RUNTIME_PACKAGES names packages not installed here, whose dependencies cannot be read: $(tr '\n' ' ' <<<"$unknown")"
covered=$(sed -n 's/^covered //p' <<<"$image")

# The path of each library ldd resolves, or "not found: NAME".
status=0
ldd_out=$(ldd "$binary" 2>&1) || die "ldd $binary failed: $ldd_out"
libs=$(while read -r line; do
  case $line in
  *"=> not found"*) echo "not found: ${line%% *}" ;;
  *" => "/*) lib=${line#* => }; echo "${lib%% (*}" ;;
  /*) echo "${line%% (*}" ;;     # the dynamic loader itself
  esac                           # linux-vdso: the kernel's, no file
done <<<"$ldd_out")
if grep -q '^not found: ' <<<"$libs"; then
  grep '^not found: ' <<<"$libs"
  status=1
fi
libs=$(grep -v '^not found: ' <<<"$libs" || true)

# dpkg knows a library by the path its package ships; ldd may name it through the /lib ->
# /usr/lib merge or a symlink: each spelling is asked, all in one dpkg -S (it is slow per call).
spellings() {
  local p real
  real=$(readlink -f "$1")
  for p in "$1" "$real"; do
    echo "$p"
    case $p in /usr/*) echo "${p#/usr}" ;; *) echo "/usr$p" ;; esac
  done
}
candidates=$(while read -r lib; do [ -n "$lib" ] && spellings "$lib"; done <<<"$libs" | sort -u)
# "libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6", or for a path several ship "a:amd64, b:amd64: /..."
# shellcheck disable=SC2086
owners=$(dpkg -S $candidates 2>/dev/null | sed -n '/^diversion /d; s/^\([^:, ]*\)[^/]*: \(\/.*\)$/\2\t\1/p' || true)

while read -r lib; do
  [ -n "$lib" ] || continue
  pkg=""
  while read -r spelling; do
    pkg=$(awk -F'\t' -v path="$spelling" '$1 == path { print $2; exit }' <<<"$owners")
    [ -z "$pkg" ] || break
  done < <(spellings "$lib")
  if [ -z "$pkg" ]; then
    echo "no package: $lib (not installed by dpkg, so not in the image)"
    status=1
  elif ! grep -qx -- "$pkg" <<<"$covered"; then
    echo "not covered: $lib (package $pkg): add it to RUNTIME_PACKAGES in $dockerfile"
    status=1
  fi
done <<<"$libs"
exit $status
