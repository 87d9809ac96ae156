#ifndef NIANBAO_CPOPPLER_SHIM_H
#define NIANBAO_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>

/* GLib macros do not import into Swift; wrap the few we need. */
static inline void nianbao_g_object_unref(void *object) { if (object) g_object_unref(object); }
static inline void nianbao_g_free(void *memory) { g_free(memory); }
static inline void nianbao_g_error_free(GError *error) { if (error) g_error_free(error); }
#endif
