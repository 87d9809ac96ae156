#ifndef NIANBAO_CPOPPLER_SHIM_H
#define NIANBAO_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>

/* GLib macros do not import into Swift; wrap the few we need. */
static inline void nianbao_g_object_unref(void *object) { if (object) g_object_unref(object); }
static inline void nianbao_g_free(void *memory) { g_free(memory); }
static inline void nianbao_g_error_free(GError *error) { if (error) g_error_free(error); }

/* POPPLER_ERROR is a macro around a function call. */
static inline GQuark nianbao_poppler_error_quark(void) { return poppler_error_quark(); }

/* Walks a GList of PopplerTextAttributes without exposing GList casts to Swift. */
static inline PopplerTextAttributes *nianbao_text_attributes_at(GList *node) {
    return node ? (PopplerTextAttributes *)node->data : NULL;
}
static inline GList *nianbao_list_next(GList *node) { return node ? node->next : NULL; }
#endif
