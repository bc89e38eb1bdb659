export {
  AddressSpace,
  BIG_ENDIAN,
  LITTLE_ENDIAN,
  NATIVE,
  StructRef,
  UCTYPES_CONSTANTS,
  UctypesError,
  sizeOfDesc,
  type Desc,
  type FieldValue,
  type StoreValue,
  type UctypesErrorKind,
} from './uctypes.js';
