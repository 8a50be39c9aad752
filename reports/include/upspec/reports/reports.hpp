#pragma once

#include "upspec/reports/diff.hpp"
#include "upspec/reports/render.hpp"
#include "upspec/reports/validate.hpp"
#include "upspec/reports/write.hpp"
