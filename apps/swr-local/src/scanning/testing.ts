/**
 * Fixtures for the scanner's tests: the files real Debian 12 and Alpine 3.18 images carry (with
 * packages some advisories of `advisories/` affect), and a tar writer that can write what layer
 * tools write (PAX and GNU long names, base-256 sizes, links, whiteouts).
 */

/** The glibc of Debian 12.1, before DSA-5514-1: affected by CVE-2023-4911. */
export const VULNERABLE_GLIBC = '2.36-9+deb12u1';
/** The glibc DSA-5514-1 shipped for Debian 12. */
export const FIXED_GLIBC = '2.36-9+deb12u3';

/** `/etc/os-release` of Debian 12 (as `usr/lib/os-release`, which Debian's `etc/os-release` links to). */
export const DEBIAN_12_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/**
 * `var/lib/dpkg/status` of a small Debian 12 image: libc6 and libc-bin at `glibc` (source glibc),
 * zlib1g, libssl3 3.0.9-1 (before DSA-5532-1), libcurl4 7.88.1-10+deb12u1 (before the curl
 * fix), a binNMU whose `Source` names its version, and a removed package that must not count.
 */
export function debian12Status(glibc: string = VULNERABLE_GLIBC): string {
  return `Package: base-files
Essential: yes
Status: install ok installed
Priority: required
Section: admin
Installed-Size: 341
Maintainer: Santiago Vila <sanvila@debian.org>
Architecture: amd64
Multi-Arch: foreign
Version: 12.4+deb12u1
Replaces: base, dpkg (<= 1.15.0), miscutils
Provides: base
Conffiles:
 /etc/debian_version 8b3a4f5e0b2c1d9e7f6a5b4c3d2e1f00
 /etc/host.conf 4eb63731c9f5e30903ac4fc07a7fe3d6
Description: Debian base system miscellaneous files
 This package contains the basic filesystem hierarchy of a Debian system, and
 several important miscellaneous files, such as /etc/debian_version,
 /etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others.

Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12985
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: ${glibc}
Depends: libgcc-s1
Recommends: libidn2-0 (>= 2.0.5~)
Suggests: glibc-doc, debconf | debconf-2.0, libc-l10n, locales, libnss-nis, libnss-nisplus
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system. This package includes shared versions of the standard C library
 and the standard math library, as well as many others.
Homepage: https://www.gnu.org/software/libc/libc.html

Package: libc-bin
Essential: yes
Status: install ok installed
Priority: required
Section: libs
Installed-Size: 2304
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: foreign
Source: glibc
Version: ${glibc}
Depends: libc6 (>> 2.36), libc6 (<< 2.37)
Description: GNU C Library: Binaries
 This package contains utility programs related to the GNU C Library.
Homepage: https://www.gnu.org/software/libc/libc.html

Package: zlib1g
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 168
Maintainer: Mark Brown <broonie@debian.org>
Architecture: amd64
Multi-Arch: same
Source: zlib
Version: 1:1.2.13.dfsg-1
Provides: libz1
Depends: libc6 (>= 2.14)
Description: compression library - runtime
 zlib is a library implementing the deflate compression method found
 in gzip and PKZIP.  This package includes the shared library.
Homepage: http://zlib.net/

Package: libssl3
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 6160
Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
Architecture: amd64
Multi-Arch: same
Source: openssl
Version: 3.0.9-1
Depends: libc6 (>= 2.34)
Description: Secure Sockets Layer toolkit - shared libraries
 This package is part of the OpenSSL project's implementation of the SSL
 and TLS cryptographic protocols for secure communication over the
 Internet.
Homepage: https://www.openssl.org/

Package: libcurl4
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 853
Maintainer: Debian Curl Maintainers <team+curl@tracker.debian.org>
Architecture: amd64
Multi-Arch: same
Source: curl
Version: 7.88.1-10+deb12u1
Depends: libc6 (>= 2.34), libssl3 (>= 3.0.0), zlib1g (>= 1:1.1.4)
Description: easy-to-use client-side URL transfer library (OpenSSL flavour)
 libcurl is an easy-to-use client-side URL transfer library, supporting DICT,
 FILE, FTP, FTPS, GOPHER, GOPHERS, HTTP, HTTPS, IMAP, IMAPS, LDAP, LDAPS, MQTT,
 POP3, POP3S, RTMP, RTMPS, RTSP, SCP, SFTP, SMB, SMBS, SMTP, SMTPS, TELNET and TFTP.
Homepage: https://curl.se/

Package: libsemanage2
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 319
Maintainer: Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>
Architecture: amd64
Multi-Arch: same
Source: libsemanage (3.4-1)
Version: 3.4-1+b5
Depends: libsemanage-common (>= 3.4-1), libaudit1 (>= 1:2.2.1), libbz2-1.0, libc6 (>= 2.33)
Description: SELinux policy management library
 This package provides the shared libraries for SELinux policy management.
Homepage: https://selinuxproject.org

Package: libgdbm6
Status: deinstall ok config-files
Priority: optional
Section: libs
Installed-Size: 130
Maintainer: Nicolas Mora <babelouest@debian.org>
Architecture: amd64
Multi-Arch: same
Source: gdbm
Version: 1.23-3
Description: GNU dbm database routines (runtime version)
 GNU dbm ('gdbm') is a library of database functions that use extendible
 hashing and works similarly to the standard UNIX 'dbm' functions.
`;
}

/** `/etc/os-release` of Alpine 3.18. */
export const ALPINE_318_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.18.4
PRETTY_NAME="Alpine Linux v3.18"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

/**
 * `lib/apk/db/installed` of a small Alpine 3.18 image: libcrypto3 and libssl3 (origin openssl)
 * at 3.1.2-r0 and libcurl 8.2.1-r0, before the fixes of ALPINE-CVE-2023-5363 and
 * ALPINE-CVE-2023-38545; zlib 1.2.13-r1, past ALPINE-CVE-2022-37434's fix.
 */
export const ALPINE_318_INSTALLED = [
  [
    'musl',
    '1.2.4-r2',
    'musl',
    'the musl c library (libc) implementation',
    'lib\nR:libc.musl-x86_64.so.1',
  ],
  [
    'busybox',
    '1.36.1-r5',
    'busybox',
    'Size optimized toolbox of many common UNIX utilities',
    'bin\nR:busybox',
  ],
  ['zlib', '1.2.13-r1', 'zlib', 'A compression/decompression Library', 'lib\nR:libz.so.1.2.13'],
  ['libcrypto3', '3.1.2-r0', 'openssl', 'Crypto library from openssl', 'lib\nR:libcrypto.so.3'],
  ['libssl3', '3.1.2-r0', 'openssl', 'SSL shared libraries', 'lib\nR:libssl.so.3'],
  [
    'libcurl',
    '8.2.1-r0',
    'curl',
    'The multiprotocol file transfer library',
    'usr/lib\nR:libcurl.so.4.8.0',
  ],
]
  .map(
    ([name, version, origin, description, files], i) => `C:Q1${'x'.repeat(26)}${i}=
P:${name}
V:${version}
A:x86_64
S:${100_000 + i * 1_000}
I:${300_000 + i * 4_096}
T:${description}
U:https://alpinelinux.org
L:MIT
o:${origin}
m:Natanael Copa <ncopa@alpinelinux.org>
t:1696255340
c:${'0123456789abcdef'.repeat(2)}${i}
F:${files}
a:0:0:755
Z:Q1${'z'.repeat(26)}${i}=
`,
  )
  .join('\n');

/** One entry of a tar built by `tarOf`. */
export interface TarFixtureEntry {
  path: string;
  content?: string | Buffer;
  /** The ustar type flag: '0' a file (the default), '2' a symlink, '5' a directory, … */
  type?: string;
  /** How a path longer than the 100-byte name field is written; `name` truncates it. */
  longPath?: 'pax' | 'gnu' | 'prefix' | 'name';
  /** Write the size in GNU base-256, as tars do for files of 8 GiB and more. */
  base256Size?: boolean;
  /** Extra PAX records before the entry (`size`, `mtime`, …). */
  pax?: Record<string, string>;
}

function header(
  name: string,
  type: string,
  size: number,
  options: { base256?: boolean; prefix?: string } = {},
) {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  if (options.base256) {
    block[124] = 0x80;
    block.writeUIntBE(size, 130, 6);
  } else {
    block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  }
  block.write('14520512400\0', 136);
  block.write('        ', 148);
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  if (options.prefix) block.write(options.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

const padded = (data: Buffer) =>
  Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);

/** A PAX record: its length counts its own digits. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body);
  while (Buffer.byteLength(`${length}${body}`) !== length) {
    length = Buffer.byteLength(`${length}${body}`);
  }
  return `${length}${body}`;
}

/** A tar archive of `entries`, with its two end-of-archive blocks. */
export function tarOf(entries: TarFixtureEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.content ?? '');
    const type = entry.type ?? '0';
    let name = entry.path;
    let prefix: string | undefined;
    const records = { ...entry.pax };
    if (Buffer.byteLength(name) > 100 && entry.longPath !== 'name') {
      if (entry.longPath === 'gnu') {
        const long = Buffer.from(`${name}\0`);
        blocks.push(header('././@LongLink', 'L', long.length), padded(long));
      } else if (entry.longPath === 'prefix') {
        const slash = name.indexOf('/', name.length - 101);
        [prefix, name] = [name.slice(0, slash), name.slice(slash + 1)];
      } else {
        records.path = name;
      }
    }
    const pax = Object.entries(records)
      .map(([key, value]) => paxRecord(key, value))
      .join('');
    if (pax)
      blocks.push(header('PaxHeader', 'x', Buffer.byteLength(pax)), padded(Buffer.from(pax)));
    blocks.push(
      header(name, type, data.length, { base256: entry.base256Size, prefix }),
      padded(data),
    );
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
