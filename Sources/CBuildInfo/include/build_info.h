#ifndef VIGIL_BUILD_INFO_H
#define VIGIL_BUILD_INFO_H

// What `make dist` stamps into a release binary (with -Xcc -DVIGIL_REVISION=... and the rest);
// empty strings in an ordinary build.
const char *vigil_build_revision(void);
const char *vigil_build_branch(void);
const char *vigil_build_user(void);
const char *vigil_build_date(void);
const char *vigil_build_swift_version(void);

#endif
