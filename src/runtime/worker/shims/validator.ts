/**
 * The validators Sequelize's documented `validate` options use (isEmail, isUrl, len,
 * isIn, ...), plus those its data types call, taken one by one from `validator/lib`.
 * The full package is ~43 KB gzip, mostly locale tables for tax ids, phone numbers and
 * postcodes that an associations course never validates.
 */
import contains from 'validator/lib/contains';
import equals from 'validator/lib/equals';
import isAfter from 'validator/lib/isAfter';
import isAlpha from 'validator/lib/isAlpha';
import isAlphanumeric from 'validator/lib/isAlphanumeric';
import isBefore from 'validator/lib/isBefore';
import isBoolean from 'validator/lib/isBoolean';
import isCreditCard from 'validator/lib/isCreditCard';
import isDate from 'validator/lib/isDate';
import isDecimal from 'validator/lib/isDecimal';
import isEmail from 'validator/lib/isEmail';
import isEmpty from 'validator/lib/isEmpty';
import isFloat from 'validator/lib/isFloat';
import isIn from 'validator/lib/isIn';
import isInt from 'validator/lib/isInt';
import isIP from 'validator/lib/isIP';
import isIPRange from 'validator/lib/isIPRange';
import isLength from 'validator/lib/isLength';
import isLowercase from 'validator/lib/isLowercase';
import isMACAddress from 'validator/lib/isMACAddress';
import isNumeric from 'validator/lib/isNumeric';
import isURL from 'validator/lib/isURL';
import isUppercase from 'validator/lib/isUppercase';
import isUUID from 'validator/lib/isUUID';
import matches from 'validator/lib/matches';
import toFloat from 'validator/lib/toFloat';
import toInt from 'validator/lib/toInt';

const validator = {
  contains,
  equals,
  isAfter,
  isAlpha,
  isAlphanumeric,
  isBefore,
  isBoolean,
  isCreditCard,
  isDate,
  isDecimal,
  isEmail,
  isEmpty,
  isFloat,
  isIn,
  isInt,
  isIP,
  isIPRange,
  isLength,
  isLowercase,
  isMACAddress,
  isNumeric,
  isURL,
  isUppercase,
  isUUID,
  matches,
  toFloat,
  toInt,
};

export default validator;
