#include "build_info.h"

#ifndef VIGIL_REVISION
#define VIGIL_REVISION ""
#endif
#ifndef VIGIL_BRANCH
#define VIGIL_BRANCH ""
#endif
#ifndef VIGIL_BUILD_USER
#define VIGIL_BUILD_USER ""
#endif
#ifndef VIGIL_BUILD_DATE
#define VIGIL_BUILD_DATE ""
#endif
#ifndef VIGIL_SWIFT_VERSION
#define VIGIL_SWIFT_VERSION ""
#endif

const char *vigil_build_revision(void) { return VIGIL_REVISION; }
const char *vigil_build_branch(void) { return VIGIL_BRANCH; }
const char *vigil_build_user(void) { return VIGIL_BUILD_USER; }
const char *vigil_build_date(void) { return VIGIL_BUILD_DATE; }
const char *vigil_build_swift_version(void) { return VIGIL_SWIFT_VERSION; }
