extension BuiltinPipelines {
  /// Configuring, building and installing projects that use GNU autotools.
  static let autoconf: [String: String] = [
    "autoconf/configure": #"""
    name: Configure an autotools project for the /usr layout

    needs:
      packages:
        - autoconf
        - automake
        - libtool

    inputs:
      dir:
        description: Folder holding the configure script, or configure.ac to make it from.
        default: .
      host:
        description: GNU triplet of the machine the package will run on.
        default: ${{host.triplet.gnu}}
      build:
        description: GNU triplet of the machine doing the build.
        default: ${{host.triplet.gnu}}
      opts:
        description: More arguments for configure, after the standard folders.
        default: ''

    pipeline:
      - runs: |
          set -e
          cd "${{inputs.dir}}"

          # A tree from git often ships configure.ac without the generated script.
          if [ ! -e configure ] && { [ -f configure.ac ] || [ -f configure.in ]; }; then
            autoreconf --verbose --force --install
          fi

          ./configure \
            --build="${{inputs.build}}" \
            --host="${{inputs.host}}" \
            --prefix=/usr \
            --libdir=/usr/lib \
            --sysconfdir=/etc \
            --localstatedir=/var \
            --mandir=/usr/share/man \
            --infodir=/usr/share/info \
            ${{inputs.opts}}
    """#,
    "autoconf/make": #"""
    name: Build an autotools project with make

    needs:
      packages:
        - make

    inputs:
      dir:
        description: Folder holding the Makefile.
        default: .
      opts:
        description: More arguments for make, such as variable settings.
        default: ''
      targets:
        description: Make targets to build, separated by spaces; the default goal if empty.
        default: ''

    pipeline:
      - runs: |
          make -C "${{inputs.dir}}" -j"$(nproc)" V=1 ${{inputs.opts}} ${{inputs.targets}}
    """#,
    "autoconf/make-install": #"""
    name: Install an autotools project into the package with make

    needs:
      packages:
        - make

    inputs:
      dir:
        description: Folder holding the Makefile.
        default: .
      opts:
        description: More arguments for make, such as variable settings.
        default: ''
      targets:
        description: Make targets that install, separated by spaces.
        default: install

    pipeline:
      - runs: |
          make -C "${{inputs.dir}}" DESTDIR="${{targets.contextdir}}" V=1 \
            ${{inputs.opts}} ${{inputs.targets}}
      # libtool .la files only describe how to link, invite overlinking, and are
      # not needed on a modern system, so none are shipped.
      - runs: |
          find "${{targets.contextdir}}" -name '*.la' ! -type d -print -delete
    """#,
  ]
}
