import ArgumentParser
import NianbaoPipeline
print("nianbao")
