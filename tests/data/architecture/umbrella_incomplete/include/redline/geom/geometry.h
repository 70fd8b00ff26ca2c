#pragma once
namespace redline { struct Geometry; }
