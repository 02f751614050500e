#!/usr/bin/env bash
# Installs the Debian packages a command needs when they are missing, saying what it installs.
#   source .ci/ensure-packages.sh; ensure_packages "what needs them" package:/path/it/installs ...
# Shared by ./run.sh, ./test.sh and .ci/run, so that the two commands work on a fresh Debian machine with only the .NET SDK.
# Each argument is PACKAGE:CHECK, where CHECK is a path that exists once the package is installed.
# With apt-get usable (root, or sudo without a password) the missing ones are installed; otherwise it says
# exactly what to install and returns 1.
ensure_packages() {
  local purpose=$1; shift
  local missing=() item package check
  for item in "$@"; do
    package=${item%%:*}; check=${item#*:}
    compgen -G "$check" >/dev/null || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "$purpose needs: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}) and run again." >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$purpose needs: ${missing[*]}, and this machine has no apt-get. Install them and run again." >&2
    return 1
  fi
  echo "Installing for $purpose: ${missing[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
