import { goValue } from '../../k8s/field-error';
import { byteLength, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names';
import { fieldError, type PspValidationRule } from './rule';

/** apimachinery TotalAnnotationSizeLimitB (256 kB). */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/**
 * ValidateObjectMeta(meta, requiresNamespace=false, NameIsDNSSubdomain): generateName, name,
 * namespace (cluster-scoped), labels, annotations. Go iterates label/annotation maps in random
 * order; we use sorted key order so the output is deterministic. ownerReferences, finalizers,
 * generation and managedFields are not checked (a stateless policy document does not carry them).
 */
export const validateMetadata: PspValidationRule = (psp, errs) => {
  const meta = psp.metadata ?? {};
  const generateName = meta.generateName ?? '';
  if (generateName.length > 0) {
    for (const msg of nameIsDNSSubdomain(generateName, true)) {
      errs.push(fieldError.invalid('metadata.generateName', goValue.string(generateName), msg));
    }
  }
  const name = meta.name ?? '';
  if (name.length === 0) {
    errs.push(fieldError.required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameIsDNSSubdomain(name, false)) {
      errs.push(fieldError.invalid('metadata.name', goValue.string(name), msg));
    }
  }
  if ((meta.namespace ?? '').length > 0) {
    errs.push(fieldError.forbidden('metadata.namespace', 'not allowed on this type'));
  }

  const labels = meta.labels;
  if (labels !== undefined) {
    for (const key of Object.keys(labels).sort()) {
      for (const msg of isQualifiedName(key)) errs.push(fieldError.invalid('metadata.labels', goValue.string(key), msg));
      const value = labels[key]!;
      for (const msg of isValidLabelValue(value)) errs.push(fieldError.invalid('metadata.labels', goValue.string(value), msg));
    }
  }

  const annotations = meta.annotations;
  if (annotations !== undefined) {
    let size = 0;
    for (const key of Object.keys(annotations).sort()) {
      // Annotation keys are qualified names except that case does not matter.
      for (const msg of isQualifiedName(key.toLowerCase())) {
        errs.push(fieldError.invalid('metadata.annotations', goValue.string(key), msg));
      }
      size += byteLength(key) + byteLength(annotations[key]!);
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fieldError.tooLong('metadata.annotations', TOTAL_ANNOTATION_SIZE_LIMIT));
  }
};
