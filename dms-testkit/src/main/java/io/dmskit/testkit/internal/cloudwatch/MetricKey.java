package io.dmskit.testkit.internal.cloudwatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * One metric as CloudWatch identifies it: namespace, name and the full set of dimensions (order does not matter, the
 * set must match exactly).
 */
record MetricKey(String namespace, String name, SortedMap<String, String> dimensions) {

    MetricKey {
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    static MetricKey of(String namespace, String name, List<Dimension> dimensions) {
        SortedMap<String, String> d = new TreeMap<>();
        if (dimensions != null) {
            for (Dimension x : dimensions) {
                d.put(x.name(), x.value());
            }
        }
        return new MetricKey(namespace, name, d);
    }

    List<Dimension> dimensionList() {
        List<Dimension> out = new ArrayList<>();
        for (Map.Entry<String, String> e : dimensions.entrySet()) {
            out.add(Dimension.builder().name(e.getKey()).value(e.getValue()).build());
        }
        return out;
    }

    Metric toMetric() {
        return Metric.builder().namespace(namespace).metricName(name).dimensions(dimensionList()).build();
    }

    @Override
    public String toString() {
        return namespace + "/" + name + dimensions;
    }
}
