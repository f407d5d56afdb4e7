select build_id, built_at from meta.build
