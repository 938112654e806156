package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.databasemigration.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.databasemigration.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.databasemigration.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.databasemigration.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.databasemigration.model.RemoveTagsFromResourceResponse;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/** AddTagsToResource, RemoveTagsFromResource, ListTagsForResource. Call with the world's lock held. */
final class TagOps {
    private static final int MAX_TAGS = 50;
    private final World w;

    /** @param world the fake's state */
    public TagOps(World world) {
        this.w = world;
    }

    /** Stores tags given on a Create call (validated first). */
    void putInitial(String arn, List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            check(tags);
            for (Tag t : tags) {
                map.put(t.key(), t.value() == null ? "" : t.value());
            }
            if (map.size() > MAX_TAGS) {
                throw Errors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
            }
        }
        w.tags.put(arn, map);
    }

    void forget(String arn) {
        w.tags.remove(arn);
    }

    private static void check(List<Tag> tags) {
        for (Tag t : tags) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
                throw Errors.invalidParameter("Tag keys must be 1 to 128 characters long.");
            }
            if (t.key().startsWith("aws:")) {
                throw Errors.invalidParameter("Tag keys must not begin with 'aws:' (Received: '" + t.key() + "').");
            }
            if (t.value() != null && t.value().length() > 256) {
                throw Errors.invalidParameter("Tag values must be at most 256 characters long (key '" + t.key()
                        + "').");
            }
            Validate.tagText("A tag key", t.key());
            Validate.tagText("A tag value", t.value());
        }
    }

    private Map<String, String> existing(String arn) {
        Validate.required("ResourceArn", arn);
        Map<String, String> map = w.tags.get(arn);
        if (map == null) {
            throw Errors.notFound("Resource " + arn + " not found.");
        }
        return map;
    }

    /** AddTagsToResource. */
    public AddTagsToResourceResponse add(AddTagsToResourceRequest r) {
        Map<String, String> map = existing(r.resourceArn());
        Validate.requiredList("Tags", r.tags());
        check(r.tags());
        Map<String, String> next = new LinkedHashMap<>(map);
        for (Tag t : r.tags()) {
            next.put(t.key(), t.value() == null ? "" : t.value());
        }
        if (next.size() > MAX_TAGS) {
            throw Errors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
        }
        map.clear();
        map.putAll(next);
        return AddTagsToResourceResponse.builder().build();
    }

    /** RemoveTagsFromResource. */
    public RemoveTagsFromResourceResponse remove(RemoveTagsFromResourceRequest r) {
        Map<String, String> map = existing(r.resourceArn());
        Validate.requiredList("TagKeys", r.tagKeys());
        r.tagKeys().forEach(map::remove);
        return RemoveTagsFromResourceResponse.builder().build();
    }

    /** ListTagsForResource (ResourceArn or ResourceArnList). */
    public ListTagsForResourceResponse list(ListTagsForResourceRequest r) {
        List<String> arns = new ArrayList<>();
        if (r.resourceArn() != null) {
            arns.add(r.resourceArn());
        }
        if (r.hasResourceArnList()) {
            arns.addAll(r.resourceArnList());
        }
        if (arns.isEmpty()) {
            throw Errors.invalidParameter("Either ResourceArn or ResourceArnList must be provided.");
        }
        List<Tag> out = new ArrayList<>();
        for (String arn : arns) {
            existing(arn).forEach((k, v) -> out.add(Tag.builder().key(k).value(v).resourceArn(arn).build()));
        }
        return ListTagsForResourceResponse.builder().tagList(out).build();
    }
}
