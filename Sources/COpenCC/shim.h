#ifndef NIANBAO_COPENCC_SHIM_H
#define NIANBAO_COPENCC_SHIM_H
#include <opencc/opencc.h>

/* opencc_open reports failure as (opencc_t)-1, which Swift cannot spell. */
static inline int nianbao_opencc_is_valid(opencc_t handle) { return handle != NULL && handle != (opencc_t)-1; }
/* opencc_convert_utf8 reports failure as NULL or (char *)-1, depending on the version. */
static inline int nianbao_opencc_output_is_valid(const char *output) { return output != NULL && output != (char *)-1; }
#endif
