#ifndef NIANBAO_OPENCC_KEYS_H
#define NIANBAO_OPENCC_KEYS_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The keys of the dictionary entries of an OpenCC configuration's conversion chain, one per line (UTF-8,
/// newline-terminated), each after a marker: `>` a key whose default value differs from it, `=` a key of one
/// character whose default value is itself (a character with other readings, such as `覆`: 覆 or 复).
/// In a buffer to release with `nianbao_opencc_keys_free`; NULL when the configuration or a dictionary
/// cannot be loaded.
char *nianbao_opencc_keys(const char *configuration, size_t *length);

void nianbao_opencc_keys_free(char *keys);

#ifdef __cplusplus
}
#endif
#endif
