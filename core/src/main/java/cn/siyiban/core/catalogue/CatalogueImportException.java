package cn.siyiban.core.catalogue;

import cn.siyiban.core.error.DomainException;
import java.util.List;
import java.util.Map;

/** A catalogue file with at least one bad row; nothing of it was imported. */
public final class CatalogueImportException extends DomainException {

    /** One problem, with the 1-based line number of the file as a spreadsheet shows it. */
    public record LineError(long line, String message) {
        @Override
        public String toString() {
            return "第" + line + "行：" + message;
        }
    }

    private final List<LineError> errors;

    public CatalogueImportException(List<LineError> errors) {
        super(Kind.INVALID, "invalid_catalogue_file",
                "事项目录文件有" + errors.size() + "处错误，整个文件未导入。" + errors.get(0)
                        + (errors.size() > 1 ? " 等" : ""),
                Map.of("errors", errors.stream().map(LineError::toString).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
