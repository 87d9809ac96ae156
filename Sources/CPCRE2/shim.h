#ifndef NIANBAO_CPCRE2_SHIM_H
#define NIANBAO_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_ZERO_TERMINATED and the generic pcre2_* names do not import into Swift. */
static inline size_t nianbao_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
