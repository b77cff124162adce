package io.ovrsis.api.data;

import java.nio.file.Path;
import java.util.List;

/**
 * @param id dataset id ({@code dlrsd}, {@code synthetic-aerial})
 * @param classes class names, label index order
 * @param ignoreIndex label value that is not scored (255)
 * @param splits split names the dataset has ({@code train}, {@code val}, {@code all}, ...)
 * @param root the dataset's folder
 */
public record DatasetInfo(String id, ClassVocabulary classes, int ignoreIndex, List<String> splits, Path root) {
    public DatasetInfo {
        splits = List.copyOf(splits);
    }
}
