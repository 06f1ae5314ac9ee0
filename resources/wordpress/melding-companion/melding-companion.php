<?php
/**
 * Plugin Name: Melding Companion
 * Description: What the Melding editorial workstation needs from a WordPress site: the language (nb|nn) of a post, the photographer of an image, a Melding id and a version number for safe retries and conflict detection, approval facts and the stored source text, exposed over the REST API.
 * Version: 1.0.0
 * Requires at least: 6.1
 * Requires PHP: 7.4
 * License: GPL-2.0-or-later
 *
 * Install as a normal plugin (wp-content/plugins/melding-companion/) or drop this one file into
 * wp-content/mu-plugins/. It adds no admin screens and stores nothing outside post meta.
 */

if (!defined('ABSPATH')) {
    exit;
}

const MELDING_COMPANION_VERSION = '1.0.0';

/** A Melding document id: a lowercase UUID, or '' (anything else is refused as ''). */
function melding_companion_sanitize_uuid($value) {
    $value = strtolower(trim((string) $value));
    return preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/', $value) ? $value : '';
}

/** A content key of an image: 64 lowercase hex digits (SHA-256), or ''. */
function melding_companion_sanitize_key($value) {
    $value = strtolower(trim((string) $value));
    return preg_match('/^[0-9a-f]{64}$/', $value) ? $value : '';
}

function melding_companion_can_edit($allowed, $meta_key, $object_id) {
    return current_user_can('edit_post', $object_id);
}

add_action('init', function () {
    $edit = 'melding_companion_can_edit';
    // Bookkeeping only Melding and the site's editors need (who approved, which job, the source):
    // in answers to a logged-in edit request, never in the public ones.
    $internal = array('show_in_rest' => array('schema' => array('type' => 'string', 'context' => array('edit'))));
    $string = function ($sanitize, $extra = array()) use ($edit) {
        return array_merge(array(
            'type' => 'string',
            'single' => true,
            'default' => '',
            'show_in_rest' => true,
            'sanitize_callback' => $sanitize,
            'auth_callback' => $edit,
        ), $extra);
    };

    register_post_meta('post', 'language', $string(
        function ($v) { return in_array($v, array('nb', 'nn'), true) ? $v : 'nb'; },
        array('default' => 'nb', 'show_in_rest' => array('schema' => array('type' => 'string', 'enum' => array('nb', 'nn'))))
    ));
    register_post_meta('post', 'melding_id', $string('melding_companion_sanitize_uuid'));
    // The outbox job (its idempotency key) that last wrote the post.
    register_post_meta('post', 'melding_job', $string('melding_companion_sanitize_uuid', $internal));
    // Approval facts: who approved which text (its SHA-256) when, as Melding recorded them.
    register_post_meta('post', 'melding_approved_by', $string('sanitize_text_field', $internal));
    register_post_meta('post', 'melding_approved_at', $string('sanitize_text_field', $internal));
    register_post_meta('post', 'melding_approval_hash', $string(function ($v) { return melding_companion_sanitize_key($v); }, $internal));
    // The Melding revision the content was sent from.
    register_post_meta('post', 'melding_revision', array(
        'type' => 'integer', 'single' => true, 'default' => 0,
        'show_in_rest' => array('schema' => array('type' => 'integer', 'context' => array('edit'))),
        'sanitize_callback' => 'absint', 'auth_callback' => $edit,
    ));
    // The rich text the content was made from (JSON), so Melding reads back exactly what it sent
    // while nobody has changed the content on the site (melding_source_hash says whether).
    register_post_meta('post', 'melding_source', $string(function ($v) {
        $v = (string) $v;
        return (strlen($v) <= 4000000 && json_decode($v) !== null) ? $v : '';
    }, $internal));

    register_post_meta('attachment', 'photographer', $string('sanitize_text_field', array(
        'auth_callback' => function ($allowed, $meta_key, $object_id) { return current_user_can('upload_files') && current_user_can('edit_post', $object_id); },
    )));
    register_post_meta('attachment', 'melding_media_key', $string('melding_companion_sanitize_key', array(
        'auth_callback' => function ($allowed, $meta_key, $object_id) { return current_user_can('upload_files') && current_user_can('edit_post', $object_id); },
    )));

    // Read-only over REST: the version (bumped on every save) and the hash of the content the
    // stored source produced.
    register_rest_field('post', 'melding_version', array(
        'get_callback' => function ($post) { return (int) get_post_meta($post['id'], 'melding_version', true); },
        'schema' => array('type' => 'integer', 'context' => array('view', 'edit'), 'readonly' => true),
    ));
    // The version the last Melding job left: equal to melding_version while nobody changed the post since.
    register_rest_field('post', 'melding_job_version', array(
        'get_callback' => function ($post) { return (int) get_post_meta($post['id'], 'melding_job_version', true); },
        'schema' => array('type' => 'integer', 'context' => array('edit'), 'readonly' => true),
    ));
    register_rest_field('post', 'melding_modified_by', array(
        'get_callback' => function ($post) {
            $user = get_userdata((int) get_post_meta($post['id'], '_edit_last', true));
            return $user ? $user->display_name : '';
        },
        'schema' => array('type' => 'string', 'context' => array('edit'), 'readonly' => true),
    ));
    register_rest_field('post', 'melding_source_hash', array(
        'get_callback' => function ($post) { return (string) get_post_meta($post['id'], 'melding_source_hash', true); },
        'schema' => array('type' => 'string', 'context' => array('edit'), 'readonly' => true),
    ));
});

/**
 * Every save of a post, by anyone and from anywhere (REST, the editor, quick edit, WP-CLI),
 * moves its version on, so Melding can tell that the post changed since it last saw it. The
 * scheduled publication WordPress does itself is not a change of the text and does not count.
 */
add_action('save_post_post', function ($post_id, $post, $update) {
    if (wp_is_post_revision($post_id) || wp_is_post_autosave($post_id) || doing_action('publish_future_post')) {
        return;
    }
    $version = (int) get_post_meta($post_id, 'melding_version', true);
    update_post_meta($post_id, 'melding_version', $version + 1);
}, 1, 3);

/**
 * One post per Melding document and one image per content key, even when a request Melding gave
 * up on (a timeout, a lost answer) reaches the site after its retry: a create that names an id
 * already on the site is refused (409, with the existing id), under a database lock held until
 * the new item has its meta, so two creates racing cannot both pass.
 */
function melding_companion_lock($what) {
    global $wpdb;
    // MySQL refuses lock names over 64 characters (a media key alone is 64): a fixed-length name,
    // with the table prefix, so two sites on one database server do not share locks.
    $name = 'melding:' . md5($wpdb->prefix . '|' . $what);
    $got = $wpdb->get_var($wpdb->prepare('SELECT GET_LOCK(%s, 20)', $name));
    if ($got === null) {
        error_log('melding-companion: GET_LOCK failed: ' . $wpdb->last_error);
    }
    if ((string) $got === '1') {
        $GLOBALS['melding_companion_locks'][] = $name;
        return true;
    }
    return false;
}
function melding_companion_unlock_all() {
    global $wpdb;
    foreach ($GLOBALS['melding_companion_locks'] ?? array() as $name) {
        $wpdb->query($wpdb->prepare('SELECT RELEASE_LOCK(%s)', $name));
    }
    $GLOBALS['melding_companion_locks'] = array();
}
add_action('shutdown', 'melding_companion_unlock_all');

function melding_companion_existing($post_type, $meta_key, $value) {
    $found = get_posts(array(
        'post_type' => $post_type, 'post_status' => 'any,trash,auto-draft', 'numberposts' => 1, 'fields' => 'ids',
        'orderby' => 'ID', 'order' => 'ASC', 'suppress_filters' => true,
        'meta_query' => array(array('key' => $meta_key, 'value' => $value)),
    ));
    return $found ? (int) $found[0] : 0;
}

function melding_companion_guard_create($prepared, $request, $post_type, $meta_key, $sanitize) {
    if (!empty($prepared->ID)) {
        return $prepared;
    }
    $meta = $request->get_param('meta');
    $value = is_array($meta) && isset($meta[$meta_key]) ? call_user_func($sanitize, $meta[$meta_key]) : '';
    if ($value === '') {
        return $prepared;
    }
    if (!melding_companion_lock($meta_key . ':' . $value)) {
        return new WP_Error('melding_busy', 'Another request is creating this item; try again.', array('status' => 503));
    }
    $existing = melding_companion_existing($post_type, $meta_key, $value);
    if ($existing) {
        melding_companion_unlock_all();
        return new WP_Error('melding_exists', 'Melding already created this item.', array('status' => 409, 'id' => $existing));
    }
    return $prepared;
}
add_filter('rest_pre_insert_post', function ($prepared, $request) {
    return melding_companion_guard_create($prepared, $request, 'post', 'melding_id', 'melding_companion_sanitize_uuid');
}, 5, 2);
add_filter('rest_pre_insert_attachment', function ($prepared, $request) {
    return melding_companion_guard_create($prepared, $request, 'attachment', 'melding_media_key', 'melding_companion_sanitize_key');
}, 5, 2);
add_action('rest_after_insert_attachment', 'melding_companion_unlock_all', 99);
add_action('rest_after_insert_post', 'melding_companion_unlock_all', 99);

/**
 * Optimistic locking over REST: a write that names `melding_if_version` is refused (409) when the
 * post's version is no longer that one, before anything is changed.
 */
add_filter('rest_pre_insert_post', function ($prepared, $request) {
    $expected = $request->get_param('melding_if_version');
    if ($expected === null || $expected === '' || empty($prepared->ID)) {
        return $prepared;
    }
    $current = (int) get_post_meta((int) $prepared->ID, 'melding_version', true);
    if ((string) $current !== (string) $expected) {
        return new WP_Error('melding_version_conflict', 'The post changed on the site since Melding last read it.', array('status' => 409, 'current' => $current));
    }
    return $prepared;
}, 10, 2);

/**
 * After a REST write: which version Melding's job left (so a retry of a job whose answer was lost
 * knows the change on the site is its own), and which content the stored source produced.
 */
add_action('rest_after_insert_post', function ($post, $request) {
    $meta = $request->get_param('meta');
    if (is_array($meta) && !empty($meta['melding_job'])) {
        update_post_meta($post->ID, 'melding_job_version', (int) get_post_meta($post->ID, 'melding_version', true));
    }
    if (is_array($meta) && array_key_exists('melding_source', $meta)) {
        $hash = get_post_meta($post->ID, 'melding_source', true) === '' ? '' : hash('sha256', (string) get_post_field('post_content', $post->ID, 'raw'));
        update_post_meta($post->ID, 'melding_source_hash', $hash);
    }
}, 10, 2);

/** Any later change of the content outside such a write makes the stored source stale. */
add_action('post_updated', function ($post_id, $after, $before) {
    if ($after->post_type === 'post' && $after->post_content !== $before->post_content) {
        delete_post_meta($post_id, 'melding_source_hash');
    }
}, 10, 3);

/** `?melding_id=<uuid>` on /wp/v2/posts and `?melding_media_key=<sha256>` on /wp/v2/media. */
add_filter('rest_post_collection_params', function ($params) {
    $params['melding_id'] = array('description' => 'Posts made from this Melding document.', 'type' => 'string');
    return $params;
});
add_filter('rest_attachment_collection_params', function ($params) {
    $params['melding_media_key'] = array('description' => 'Images uploaded by Melding with these content keys (comma-separated).', 'type' => 'string');
    return $params;
});
add_filter('rest_post_query', function ($args, $request) {
    if ($request->get_param('melding_id') !== null) {
        $args['meta_query'] = array(array('key' => 'melding_id', 'value' => melding_companion_sanitize_uuid($request->get_param('melding_id'))));
    }
    return $args;
}, 10, 2);
add_filter('rest_attachment_query', function ($args, $request) {
    if ($request->get_param('melding_media_key') !== null) {
        // One key, or several separated by commas (all images of a document in one request).
        $keys = array_slice(array_filter(array_map('melding_companion_sanitize_key', explode(',', (string) $request->get_param('melding_media_key')))), 0, 100);
        $args['meta_query'] = array(array('key' => 'melding_media_key', 'value' => $keys ? $keys : array('-'), 'compare' => 'IN'));
    }
    return $args;
}, 10, 2);

/**
 * Melding's figures are plain <figure><img> (the same markup as its preview), without the block
 * editor's classes: keep their images within the text column whatever the theme.
 */
add_action('wp_enqueue_scripts', function () {
    wp_register_style('melding-companion', false, array(), MELDING_COMPANION_VERSION);
    wp_enqueue_style('melding-companion');
    wp_add_inline_style('melding-companion', 'figure:not([class]) img{max-width:100%;height:auto}figure:not([class]){margin-left:0;margin-right:0}.melding-contacts ul{list-style:none;padding-left:0}.melding-contacts li{margin-bottom:.75em}');
});

/** GET /wp-json/melding/v1/status: that the plugin is here, and which version. */
add_action('rest_api_init', function () {
    register_rest_route('melding/v1', '/status', array(
        'methods' => 'GET',
        'permission_callback' => function () { return current_user_can('edit_posts'); },
        'callback' => function () {
            return rest_ensure_response(array('plugin' => 'melding-companion', 'version' => MELDING_COMPANION_VERSION));
        },
    ));
});
